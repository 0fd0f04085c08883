-- One account by its (lower-case) name.
SELECT name AS Name, role AS Role, password_hash AS PasswordHash, security_stamp AS SecurityStamp, disabled AS Disabled,
    failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, created_at AS CreatedAt
FROM accounts WHERE name = @name;
