// Destructive actions ask first: a form with data-cb-confirm="question" opens the DSFR modal #cb-confirm;
// « Confirmer » sends the form with confirme=oui. Without this script (or without the DSFR's), the server
// answers with a confirmation page instead (Platform/Web/Confirmation.cs).
(() => {
  const modal = document.getElementById('cb-confirm');
  if (!modal) return;
  const title = document.getElementById('cb-confirm-title');
  const yes = document.getElementById('cb-confirm-yes');
  let pending = null;

  document.addEventListener('submit', event => {
    const form = event.target;
    const question = form.getAttribute && form.getAttribute('data-cb-confirm');
    if (!question || form.querySelector('input[name="confirme"]') || typeof window.dsfr !== 'function') return;
    event.preventDefault();
    pending = { form, submitter: event.submitter };
    title.textContent = question;
    yes.textContent = form.getAttribute('data-cb-confirm-label') || 'Confirmer';
    window.dsfr(modal).modal.disclose();
  });

  yes.addEventListener('click', () => {
    if (!pending) return;
    const { form, submitter } = pending;
    pending = null;
    const confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'confirme';
    confirmed.value = 'oui';
    form.appendChild(confirmed);
    window.dsfr(modal).modal.conceal();
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
  });
})();
