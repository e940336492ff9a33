"""The ``vnplan`` command. Each subcommand lives in its own module; heavy imports are lazy."""
