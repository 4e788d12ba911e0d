// Shows the request's BPMN diagram with bpmn-js (served from /vendor, no CDN) and marks the
// elements the request has passed and those it stands in.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  function ids(text) {
    return (text || '').split(',').filter(function (id) { return id.length > 0; });
  }
  var viewer = new window.BpmnJS({ container: container });
  fetch(container.dataset.url, { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('diagram: HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      var elements = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      ids(container.dataset.completed).forEach(function (id) {
        if (elements.get(id)) { canvas.addMarker(id, 'completed'); }
      });
      ids(container.dataset.current).forEach(function (id) {
        if (elements.get(id)) { canvas.addMarker(id, 'current'); }
      });
      container.dataset.rendered = 'true';
    })
    .catch(function (error) {
      container.textContent = error.message;
      container.dataset.rendered = 'failed';
    });
})();
