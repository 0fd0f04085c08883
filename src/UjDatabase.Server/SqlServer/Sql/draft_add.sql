-- Keeps a draft and gives back its id.
INSERT INTO drafts (case_id, author, saved_at, kind, form_json) OUTPUT INSERTED.id VALUES (@caseId, @author, @savedAt, @kind, @formJson);
