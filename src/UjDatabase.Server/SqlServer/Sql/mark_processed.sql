UPDATE outbox SET processed_at = SYSUTCDATETIME() WHERE seq IN @seqs;
