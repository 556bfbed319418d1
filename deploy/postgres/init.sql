-- First start of the PostgreSQL container: one database for conversations
-- (the Rasa tracker store), one for app data (callbacks, outbox, console).
CREATE DATABASE tracker;
CREATE DATABASE app;
