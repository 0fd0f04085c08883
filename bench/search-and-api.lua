-- The search page (HTML) and the JSON API in turn, over the bench's query classes.
local paths = {
  "/search",
  "/api/cases?forum=DE",
  "/search?forum=DE&crime=genocide&stage=trial",
  "/api/cases?forum=DE&territory=SY&crime=war_crimes&charge_stage=convicted&gender=male&from=1990&to=2020",
  "/search?q=Jovanovic",
  "/api/cases?q=synthetic",
  "/search?q=detention%20convoy",
  "/api/cases?q=%22detention%20camp%22",
  "/search?q=Amadou%20Petrovic",
  "/api/cases?q=massacre&forum=FR&crime=torture&from=2000&to=2015",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
