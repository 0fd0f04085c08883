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

// Charts: offer a PNG download, drawn from the inline SVG on a canvas.
document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll("a[data-svg-to-png]")) {
    const figure = link.closest("figure");
    const svg = figure?.querySelector("svg");
    if (!svg) continue;
    link.closest("[data-png-link]").hidden = false;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const data = new XMLSerializer().serializeToString(svg);
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = svg.viewBox.baseVal.width * 2;
        canvas.height = svg.viewBox.baseVal.height * 2;
        const context = canvas.getContext("2d");
        context.scale(2, 2);
        context.drawImage(image, 0, 0);
        const a = document.createElement("a");
        a.href = canvas.toDataURL("image/png");
        a.download = link.getAttribute("download");
        a.click();
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data);
    });
  }
});

// Name typeahead (ARIA 1.2 combobox with a list popup): names and aliases from /api/names as the user types. Without
// this script the box is a plain search field and the form submits as usual.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("[data-typeahead]")) {
    const input = box.querySelector("input");
    if (!input) continue;
    const endpoint = box.getAttribute("data-typeahead");
    // The page gives the words in its language; "{0}" stands for a number.
    const words = (name, n) => (box.dataset[name] ?? "").replace("{0}", String(n));
    const list = document.createElement("ul");
    list.id = input.id + "-names";
    list.className = "typeahead-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", words("textNames"));
    list.hidden = true;
    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.append(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    let suggestions = [];
    let active = -1;
    let timer = 0;
    let pending = null;

    const options = () => list.querySelectorAll("[role=option]");
    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const highlight = (index) => {
      const all = options();
      active = index;
      all.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };
    const choose = (index) => {
      const suggestion = suggestions[index];
      if (!suggestion) return;
      input.value = suggestion.name;
      close();
      // One record: its page; several (one person in several proceedings, or namesakes): the search for the name.
      window.location.assign(suggestion.records.length === 1 ? suggestion.records[0].url : suggestion.search);
    };
    const show = (found) => {
      suggestions = found;
      list.replaceChildren();
      found.forEach((suggestion, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const name = document.createElement("span");
        name.className = "typeahead-name";
        name.textContent = suggestion.name;
        const detail = document.createElement("span");
        detail.className = "typeahead-detail";
        // A title usually repeats the name ("Anwar Raslan (Koblenz)"): only the rest tells the records apart.
        const title = suggestion.records[0].title;
        detail.textContent = suggestion.records.length > 1 ? words("textRecords", suggestion.records.length)
          : title.startsWith(suggestion.name) && title.length > suggestion.name.length ? title.slice(suggestion.name.length).trim() : title;
        option.append(name, " ", detail);
        // Mouse down would move the focus out of the box before the click lands.
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => choose(i));
        list.append(option);
      });
      active = -1;
      if (found.length === 0) {
        close();
      } else {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      status.textContent = found.length === 0 ? "" : words(found.length === 1 ? "textSuggestedOne" : "textSuggestedMany", found.length);
    };
    const lookUp = async () => {
      const typed = input.value.trim();
      pending?.abort();
      if (typed.length < 2) {
        show([]);
        return;
      }
      pending = new AbortController();
      try {
        const response = await fetch(`${endpoint}?prefix=${encodeURIComponent(typed)}`, { signal: pending.signal, headers: { Accept: "application/json" } });
        if (!response.ok) {
          show([]);
          return;
        }
        const answer = await response.json();
        // An answer to an older input is dropped: the user has typed on.
        if (answer.prefix === input.value.trim()) show(answer.suggestions);
      } catch (error) {
        if (error.name !== "AbortError") show([]);
      }
    };

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 200);
    });
    input.addEventListener("keydown", (event) => {
      const count = options().length;
      if (event.key === "ArrowDown" && count > 0) {
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(active + 1 >= count ? 0 : active + 1);
      } else if (event.key === "ArrowUp" && count > 0 && !list.hidden) {
        event.preventDefault();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }
});

// The record form: "Add another" copies the empty last row instead of asking the server for more rows.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-add-row]")) {
    button.addEventListener("click", (event) => {
      const rows = document.querySelector(`[data-rows="${button.dataset.addRow}"]`);
      const all = rows.querySelectorAll(":scope > [data-row]");
      const last = all[all.length - 1];
      if (!last) {
        return;
      }
      event.preventDefault();
      const list = button.dataset.addRow;
      const next = all.length;
      const copy = last.cloneNode(true);
      // Names hold the row's number (charges[3].crime); ids and labels follow them.
      const renumber = (text) => text.replace(new RegExp(`^((?:f-)?${list}[\\[-])\\d+`), `$1${next}`);
      for (const element of copy.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
        for (const attribute of ["name", "id", "for"]) {
          if (element.hasAttribute(attribute)) {
            element.setAttribute(attribute, renumber(element.getAttribute(attribute)));
          }
        }
        if (element.hasAttribute("aria-describedby")) {
          element.setAttribute("aria-describedby", element.getAttribute("aria-describedby").split(" ").map(renumber).join(" "));
        }
      }
      for (const field of copy.querySelectorAll("input, textarea, select")) {
        if (field.type === "checkbox") {
          field.checked = false;
        } else if (field.tagName === "SELECT") {
          field.selectedIndex = 0;
        } else {
          field.value = "";
        }
        field.removeAttribute("aria-invalid");
      }
      for (const stale of copy.querySelectorAll(".field-problem, .field-clash")) {
        stale.remove();
      }
      const legend = copy.querySelector("legend");
      if (legend) {
        legend.textContent = legend.textContent.replace(/\d+\s*$/, String(next + 1));
      }
      last.after(copy);
      copy.querySelector("input, select, textarea")?.focus();
    });
  }
});
