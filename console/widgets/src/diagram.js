// BPMN diagrams on staff pages: every element with data-bpmn-xml-url gets a bpmn-js
// NavigatedViewer (pan and zoom, bpmn.io watermark kept) showing that XML, marked with the JSON in
// data-bpmn-markers:
//   {"completed": [elementId], "taken": [sequenceFlowId], "active": {"elementId": tokenCount},
//    "incidents": {"elementId": "message"}, "selected": "elementId"}
// When the diagram is shown, the container gets data-bpmn-ready="true" (tests wait for it); a
// failure is written into the container as text and data-bpmn-ready="error".
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

function markersOf(container) {
  const raw = container.getAttribute('data-bpmn-markers');
  if (!raw) {
    return {};
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    return {};
  }
}

function badge(className, text) {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  return element;
}

function mark(viewer, markers, container) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  const known = (id) => registry.get(id) != null;
  (markers.completed || []).filter(known).forEach((id) => canvas.addMarker(id, 'rd-completed'));
  const taken = new Set((markers.taken || []).filter(known));
  // The embedded engine's sequence-flows endpoint lists no flow out of an event-based gateway
  // (seen 2026-12-06; whether Zeebe records one was not checked): such a flow was taken when its
  // target ran.
  const reached = new Set([...(markers.completed || []), ...Object.keys(markers.active || {})]);
  registry
    .filter((e) => e.type === 'bpmn:SequenceFlow' && e.source && e.target)
    .filter((e) => e.source.type === 'bpmn:EventBasedGateway' && reached.has(e.source.id))
    .filter((e) => reached.has(e.target.id))
    .forEach((e) => taken.add(e.id));
  taken.forEach((id) => canvas.addMarker(id, 'rd-taken'));
  Object.entries(markers.active || {}).filter(([id]) => known(id)).forEach(([id, count]) => {
    canvas.addMarker(id, 'rd-active');
    const tokens = badge('rd-token-count', String(count));
    tokens.setAttribute('title', (container.getAttribute('data-bpmn-token-label') || 'Tokens') + ': ' + count);
    overlays.add(id, 'rd-token', { position: { bottom: 12, left: -10 }, html: tokens });
  });
  Object.entries(markers.incidents || {}).filter(([id]) => known(id)).forEach(([id, message]) => {
    canvas.addMarker(id, 'rd-incident');
    const text = badge('rd-incident-message', message);
    text.setAttribute('role', 'note');
    overlays.add(id, 'rd-incident', { position: { top: -28, left: 0 }, html: text });
  });
  if (markers.selected && known(markers.selected)) {
    canvas.addMarker(markers.selected, 'rd-selected');
  }
}

async function show(container) {
  const viewer = new NavigatedViewer({ container });
  try {
    const response = await fetch(container.getAttribute('data-bpmn-xml-url'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/xml, text/xml' }
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    await viewer.importXML(await response.text());
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    mark(viewer, markersOf(container), container);
    // a narrower or wider window (a phone turned, a split screen): fit the whole diagram again
    if (typeof ResizeObserver === 'function') {
      let width = container.clientWidth;
      new ResizeObserver(() => {
        if (container.clientWidth !== width) {
          width = container.clientWidth;
          canvas.resized();
          canvas.zoom('fit-viewport', 'auto');
        }
      }).observe(container);
    }
    container.setAttribute('data-bpmn-ready', 'true');
  } catch (e) {
    viewer.destroy();
    container.textContent =
      (container.getAttribute('data-bpmn-error') || 'The diagram could not be shown.') +
      ' (' + e.message + ')';
    container.setAttribute('data-bpmn-ready', 'error');
  }
}

function showAll(root) {
  root.querySelectorAll('[data-bpmn-xml-url]:not([data-bpmn-ready])').forEach((container) => {
    container.setAttribute('data-bpmn-ready', 'loading');
    show(container);
  });
}

document.addEventListener('DOMContentLoaded', () => showAll(document));
// htmx swaps new content in: show diagrams inside it too.
document.addEventListener('htmx:afterSettle', (event) => showAll(event.target));
