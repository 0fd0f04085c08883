-- The tables of a file, to tell a UjDatabase store from another SQLite file.
SELECT name FROM sqlite_master WHERE type = 'table';
