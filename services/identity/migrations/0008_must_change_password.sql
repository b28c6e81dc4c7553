-- Up Migration
-- A password someone else set (an admin's 重置密码, an account an admin registered, an imported
-- person) is temporary: the next sign-in must choose a new one before anything else (issue 13.9).
ALTER TABLE account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Down Migration
ALTER TABLE account DROP COLUMN must_change_password;
