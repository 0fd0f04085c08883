// Progressive enhancement only: every feature of the pages works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Sorting applies as soon as an order is chosen.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const button of document.querySelectorAll("[data-hide-with-js]")) {
    button.hidden = true;
  }

  // Long facet lists can be narrowed by typing; the hidden part of the list opens while a filter is typed.
  for (const input of document.querySelectorAll("input[data-facet-filter]")) {
    input.hidden = false;
    const facet = input.closest(".facet");
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLocaleLowerCase();
      for (const item of facet.querySelectorAll("li")) {
        const label = item.querySelector(".label")?.textContent.toLocaleLowerCase() ?? "";
        item.hidden = needle.length > 0 && !label.includes(needle);
      }
      const details = facet.querySelector("details");
      if (details && needle.length > 0) {
        details.open = true;
      }
    });
  }
});
