// Print buttons (data-cb-print: a printable mandate, an itinerary), shown only with scripts; a file: the content security policy forbids inline scripts.
document.querySelectorAll("[data-cb-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
