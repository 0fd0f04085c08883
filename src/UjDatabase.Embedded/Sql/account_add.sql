-- Adds an account unless the name is taken (then nothing changes and no row counts as written).
INSERT INTO accounts (name, role, password_hash, security_stamp, disabled, failed_sign_ins, locked_until, created_at)
VALUES (@name, @role, @passwordHash, @securityStamp, @disabled, @failedSignIns, @lockedUntil, @createdAt)
ON CONFLICT (name) DO NOTHING;
