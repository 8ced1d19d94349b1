CREATE OR REPLACE TABLE tags (id bigint PRIMARY KEY, kind enum('x','y','z') DEFAULT 'z');
