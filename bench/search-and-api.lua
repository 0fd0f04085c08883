-- The query classes of search-pages.lua, in turn as the search page (HTML) and as the JSON API. Run from the repository root.
dofile("bench/search-pages.lua")
for k, path in ipairs(paths) do
  if k % 2 == 0 then
    paths[k] = path:gsub("^/search", "/api/cases")
  end
end
