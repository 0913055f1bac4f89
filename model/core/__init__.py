"""What an instance is: its settings, tables and checks that need no solver; errors; outcome types."""
