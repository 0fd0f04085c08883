-- Creates the database the connection string names on a fresh server (run on master; @quoted is the bracketed name).
IF DB_ID(@name) IS NULL EXEC(N'CREATE DATABASE ' + @quoted);
