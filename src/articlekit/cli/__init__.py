"""The command-line shell: parse options, call the library, render with rich."""
