"""The local web page (`kehoach web`): forms made from the key declaration over a workspace, calling the same library
functions as the command line; Flask pages served by waitress on 127.0.0.1."""
