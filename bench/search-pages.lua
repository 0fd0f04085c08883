-- The search page (HTML) for the bench's query classes in turn, so that the load mixes browsing, filters and text.
paths = {
  "/search",
  "/search?forum=DE",
  "/search?forum=DE&crime=genocide&stage=trial",
  "/search?forum=DE&territory=SY&crime=war_crimes&charge_stage=convicted&gender=male&from=1990&to=2020",
  "/search?q=Jovanovic",
  "/search?q=synthetic",
  "/search?q=detention%20convoy",
  "/search?q=%22detention%20camp%22",
  "/search?q=Amadou%20Petrovic",
  "/search?q=massacre&forum=FR&crime=torture&from=2000&to=2015",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
