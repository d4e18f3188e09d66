// "Imprimer le mandat" button of the printable mandate form (a file: the content security policy forbids inline scripts).
document.querySelectorAll("[data-cb-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
