"""Qt widgets: they show and edit the core's objects and never compute scores themselves."""
