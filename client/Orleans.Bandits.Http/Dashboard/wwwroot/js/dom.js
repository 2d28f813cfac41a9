// Builds elements from data with textContent only, so nothing the server sends is parsed as HTML.
// A style is an object of CSS properties, set through the CSSOM: the Content-Security-Policy refuses
// style attributes.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'style') {
      Object.assign(node.style, value);
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
}

export function errorText(error) {
  return error?.message || String(error);
}
