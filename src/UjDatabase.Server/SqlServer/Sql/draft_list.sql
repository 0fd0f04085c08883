-- Every draft, newest first.
SELECT id AS Id, case_id AS CaseId, author AS Author, saved_at AS SavedAt, kind AS Kind, form_json AS FormJson FROM drafts ORDER BY id DESC;
