-- Discards a draft.
DELETE FROM drafts WHERE id = @id;
