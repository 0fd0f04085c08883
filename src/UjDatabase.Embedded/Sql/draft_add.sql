-- Keeps a draft and gives back its id.
INSERT INTO drafts (case_id, author, saved_at, form_json) VALUES (@caseId, @author, @savedAt, @formJson) RETURNING id;
