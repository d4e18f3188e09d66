// The map of unmet needs on /mobilite/besoins-non-couverts: a line from each origin commune to each destination, as
// thick as the needs it carries, and a circle on each origin. Vectors: they show even without the tile server. Data
// from the element's data-* attributes (no inline script: CSP); the table below is the accessible reference.
(function () {
  var element = document.getElementById('carte-besoins');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var cells = JSON.parse(element.getAttribute('data-besoins') || '[]');
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.getAttribute('data-tuiles'), {
    maxZoom: 18,
    attribution: element.getAttribute('data-attribution')
  }).addTo(map);
  var bounds = [];
  cells.forEach(function (cell) {
    var label = cell.depart + ' → ' + cell.destination + ' : ' + cell.besoins + ' besoin(s) non couvert(s)';
    L.polyline([[cell.lat1, cell.lon1], [cell.lat2, cell.lon2]], { color: '#ce0500', weight: 2 + 2 * Math.min(cell.besoins, 6), opacity: 0.6 })
      .bindTooltip(label).addTo(map);
    L.circleMarker([cell.lat1, cell.lon1], { radius: 6 + Math.min(cell.besoins, 10), color: '#000091', weight: 2, fillColor: '#6a6af4', fillOpacity: 0.9 })
      .bindTooltip(label).addTo(map);
    bounds.push([cell.lat1, cell.lon1], [cell.lat2, cell.lon2]);
  });
  if (bounds.length > 0) {
    map.fitBounds(bounds, { padding: [24, 24] });
  } else {
    map.setView([44.45, 1.44], 10);
  }
  element.setAttribute('data-pret', String(cells.length));
})();
