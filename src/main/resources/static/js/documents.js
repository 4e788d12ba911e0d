// Uploads a document from the request page: the form's fields as multipart, the session's
// CSRF token in its header (the token never travels in the multipart body, which the
// server reads only once the request is let through). On success the page reloads to list
// the new version; a refusal (400, 413, 415) shows the server's message.
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form) {
    return;
  }
  var status = document.getElementById('upload-status');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var headers = {};
    headers[form.dataset.csrfHeader] = form.dataset.csrfToken;
    var body = new FormData(form);
    if (!body.get('title')) {
      body.delete('title');
    }
    var button = form.querySelector('button');
    button.disabled = true;
    status.textContent = '…';
    fetch(form.dataset.action, { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) {
          status.textContent = form.dataset.uploaded;
          window.location.reload();
          return null;
        }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          status.textContent = form.dataset.failed + ' ' + (problem.detail || ('HTTP ' + response.status));
          button.disabled = false;
        });
      })
      .catch(function (error) {
        status.textContent = form.dataset.failed + ' ' + error;
        button.disabled = false;
      });
  });
}());
