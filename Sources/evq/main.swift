// TEMPORARY: the shell module replaces this with the argument parser front end.
print("evq")
