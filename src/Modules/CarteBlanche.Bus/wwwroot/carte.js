// The bus's map on /car: one marker per commune served, drawn as vectors so that they show even when the
// tile server cannot be reached. Data comes from the map element's data-* attributes (no inline script: CSP).
(function () {
  var element = document.getElementById('carte-car');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var stops = JSON.parse(element.getAttribute('data-arrets') || '[]');
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.getAttribute('data-tuiles'), {
    maxZoom: 18,
    attribution: element.getAttribute('data-attribution')
  }).addTo(map);
  var bounds = [];
  stops.forEach(function (stop) {
    var marker = L.circleMarker([stop.lat, stop.lon], { radius: 9, color: '#000091', weight: 2, fillColor: '#6a6af4', fillOpacity: 0.9 });
    var popup = document.createElement('div');
    var link = document.createElement('a');
    link.href = stop.url;
    link.textContent = stop.nom;
    var next = document.createElement('p');
    next.textContent = stop.prochain;
    popup.appendChild(link);
    popup.appendChild(next);
    marker.bindPopup(popup).bindTooltip(stop.nom).addTo(map);
    bounds.push([stop.lat, stop.lon]);
  });
  if (bounds.length > 0) {
    map.fitBounds(bounds, { padding: [24, 24] });
  } else {
    map.setView([44.45, 1.44], 10);
  }
  element.setAttribute('data-pret', String(stops.length));
})();
