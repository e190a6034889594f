// The tasks' own Camunda Forms on staff pages (form-js viewer). Every element with
// data-form-schema-url gets the form at that URL, filled with the JSON variables in
// data-form-data. data-form-target names a plain <form> (CSRF token and all) with a hidden input
// "data": submitting that form validates the form-js form first, then posts its values as JSON in
// "data", so the server checks everything again exactly as for the API. data-form-errors may hold
// {"fieldKey": "message"} from the server: shown under the field. The container gets
// data-form-ready="true" once the form is shown. Every change of a value is written to the target's
// "data" input at once and announced with the bubbling event "rd-form-changed".
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './form.css';

function json(container, attribute, fallback) {
  const raw = container.getAttribute(attribute);
  if (!raw) {
    return fallback;
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    return fallback;
  }
}

function componentsOf(schema, found = []) {
  (schema.components || []).forEach((component) => {
    found.push(component);
    componentsOf(component, found);
  });
  return found;
}

function showServerErrors(container, schema, errors) {
  componentsOf(schema).forEach((component) => {
    const message = component.key && errors[component.key];
    if (!message) {
      return;
    }
    // form-js gives each field's input the id "fjs-form-<form instance>-<component id>"
    const control = container.querySelector(`[id$="-${component.id}"]`);
    const field = control && control.closest('.fjs-form-field');
    if (!field) {
      return;
    }
    const note = document.createElement('div');
    note.className = 'rd-field-error';
    note.id = `rd-error-${component.key}`;
    note.textContent = message;
    field.appendChild(note);
    const input = control.matches('input, textarea, select') ? control : field.querySelector('input, textarea, select');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const described = input.getAttribute('aria-describedby');
      input.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
    }
  });
}

async function show(container) {
  const target = document.getElementById(container.getAttribute('data-form-target'));
  const form = new Form({ container });
  try {
    const response = await fetch(container.getAttribute('data-form-schema-url'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const schema = await response.json();
    await form.importSchema(schema, json(container, 'data-form-data', {}));
    showServerErrors(container, schema, json(container, 'data-form-errors', {}));
    // Live values for the page (e.g. the reviewer's notice preview): every change is written to
    // the target form's "data" input and announced as "rd-form-changed" (bubbles).
    form.on('changed', (state) => {
      if (target) {
        target.querySelector('input[name="data"]').value = JSON.stringify(state.data || {});
      }
      container.dispatchEvent(new CustomEvent('rd-form-changed', { bubbles: true }));
    });
    if (target) {
      target.addEventListener('submit', (event) => {
        event.preventDefault();
        const result = form.submit();
        if (Object.keys(result.errors || {}).length > 0) {
          return; // form-js shows its own messages next to the fields
        }
        target.querySelector('input[name="data"]').value = JSON.stringify(result.data);
        target.submit();
      });
    }
    container.setAttribute('data-form-ready', 'true');
  } catch (e) {
    container.textContent =
      (container.getAttribute('data-form-error') || 'The form could not be shown.') +
      ' (' + e.message + ')';
    container.setAttribute('data-form-ready', 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-form-schema-url]').forEach(show);
});
