"""uitruil: exchange of asylum-reception tasks between municipalities (Spreidingswet)."""

__version__ = "0.1.0"
