ALTER TABLE t MODIFY size enum('s','m','l','xl') NOT NULL DEFAULT 's';
ALTER TABLE t MODIFY size enum('xs','s','m','l','xl') NOT NULL DEFAULT 's';
ALTER TABLE t MODIFY size enum('xs','s','m','l','xl','xxl') NOT NULL DEFAULT 'xxl';
ALTER TABLE t MODIFY color enum('blue','red');
ALTER TABLE t MODIFY color enum('blue');
ALTER TABLE t MODIFY word enum('yes','no');
ALTER TABLE t MODIFY mood varchar(5);
