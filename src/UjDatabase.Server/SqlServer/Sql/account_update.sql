-- Replaces what can change of an account (its name and creation time stay).
UPDATE accounts SET role = @role, password_hash = @passwordHash, security_stamp = @securityStamp, disabled = @disabled,
    failed_sign_ins = @failedSignIns, locked_until = @lockedUntil
WHERE name = @name;
