-- MySQL's DROP INDEX options, which MariaDB's DROP INDEX does not take: read without them.
DROP INDEX ib ON t LOCK = NONE;
-- A routine body sent without DELIMITER (as applications send a whole file): kept whole.
CREATE PROCEDURE cleanup() BEGIN IF 1 = 1 THEN SET @q = 'x'; END IF; END;
DELIMITER $$
CREATE PROCEDURE tidy() BEGIN SELECT 1; END$$
DELIMITER ;
CREATE TRIGGER t_a BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;
-- Not run: said where it stands.
CALL cleanup();
-- Written for the schema the routine would have left: rejected by the server here, so left out
-- with a note rather than failing the run.
ALTER TABLE t DROP INDEX made_by_the_routine;
ALTER TABLE t DROP COLUMN event;
