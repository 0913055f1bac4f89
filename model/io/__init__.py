"""Files in and out: reading and validating instance folders and workbooks, writing them, result folders claimed and replaced atomically."""
