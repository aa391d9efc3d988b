"""The widgets of the lesson screen: step bar, title card, step view and its panes, status bar."""
