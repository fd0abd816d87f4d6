// The careers editor's own parts (admin/widgets.js, loaded after Decap
// CMS): its date fields, and the preview beside the form.
//
// The date fields: Decap's own date widget reads a value through a fixed
// format, so "28 January 2027" or "2027-01-31 23:59" came back wrong or
// without its time. This one shows a date picker (and, with `time: true`,
// an optional time beside it), reads every form careers accepts, writes
// back nothing until the date or time is changed, and then writes
// 2027-01-31 or 2027-01-31 23:59 (wall-clock time in the site's time
// zone); a value with an offset keeps its offset.
(function () {
  'use strict';
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) return;
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function isoDate(year, month, day) {
    if (!(month >= 1 && month <= 12 && day >= 1)) return null;
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    return year + '-' + pad(month) + '-' + pad(day);
  }

  function monthNumber(word) {
    word = word.replace(/\.$/, '').toLowerCase();
    if (word === 'sept') return 9;
    if (word.length < 3) return 0;
    for (var i = 0; i < 12; i++) {
      if (MONTHS[i].toLowerCase().indexOf(word) === 0) return i + 1;
    }
    return 0;
  }

  // A value as its parts {date, time, seconds, zone}, or null if it is not
  // a date careers reads.
  function read(value) {
    if (value instanceof Date) value = value.toISOString();
    var text = String(value == null ? '' : value).trim();
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(text);
    var date = null, parts = { time: '', seconds: '', zone: '' };
    if (m) {
      date = isoDate(+m[1], +m[2], +m[3]);
      if (m[4]) parts = { time: m[4] + ':' + m[5], seconds: m[6] || '', zone: m[7] || '' };
    } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
      date = isoDate(+m[3], +m[2], +m[1]);
    } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z.]+)\s+(\d{4})$/.exec(text))) {
      date = isoDate(+m[3], monthNumber(m[2]), +m[1]);
    }
    if (!date) return null;
    parts.date = date;
    return parts;
  }

  function write(parts) {
    if (!parts.date) return '';
    if (!parts.time) return parts.date;
    if (parts.zone) return parts.date + 'T' + parts.time + (parts.seconds || ':00') + parts.zone;
    return parts.date + ' ' + parts.time;
  }

  function spoken(parts) {
    var d = parts.date.split('-');
    var text = +d[2] + ' ' + MONTHS[+d[1] - 1] + ' ' + d[0];
    return parts.time ? text + ', ' + parts.time + (parts.zone ? ' (' + parts.zone + ')' : '') : text;
  }

  var DateControl = createClass({
    // What the inputs last held, for a date cleared and picked again.
    last: null,
    change: function (key, text) {
      var parts = read(this.props.value) || this.last || { date: '', time: '', seconds: '', zone: '' };
      parts[key] = text;
      this.last = parts;
      if (key === 'time' && parts.zone && !text) parts.zone = '';
      this.props.onChange(write(parts));
    },
    render: function () {
      var self = this, props = this.props, value = props.value;
      var parts = read(value);
      var shown = parts || { date: '', time: '' };
      var withTime = props.field.get('time') === true;
      var inputStyle = { font: 'inherit', padding: '8px', border: '1px solid #dfdfe3', borderRadius: '5px' };
      // Uncontrolled inputs: a date half typed in stays on screen while the
      // field holds nothing.
      var children = [h('input', {
        key: 'date', type: 'date', id: props.forID, defaultValue: shown.date, style: inputStyle,
        disabled: props.isDisabled, onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle,
        onChange: function (e) { self.change('date', e.target.value); },
      })];
      if (withTime) {
        children.push(h('label', { key: 'at', htmlFor: props.forID + '-time' }, 'at (optional)'));
        children.push(h('input', {
          key: 'time', type: 'time', id: props.forID + '-time', defaultValue: shown.time, style: inputStyle,
          disabled: props.isDisabled || !parts, onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle,
          onChange: function (e) { self.change('time', e.target.value); },
        }));
        if (shown.zone) children.push(h('span', { key: 'zone' }, 'offset ' + shown.zone));
      }
      if (value && !parts) {
        children.push(h('p', { key: 'unread', role: 'alert', style: { flexBasis: '100%', margin: 0, color: '#c0392b' } },
          'The file says "' + value + '", which is not a date careers reads: pick the date.'));
      }
      return h('div', {
        className: props.classNameWrapper,
        style: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center' },
      }, children);
    },
  });

  var DatePreview = createClass({
    render: function () {
      var parts = read(this.props.value);
      return h('p', null, parts ? spoken(parts) : String(this.props.value || ''));
    },
  });

  CMS.registerWidget('careers-date', DateControl, DatePreview);

  // The preview beside the form: the title, then each field filled in
  // under its label (Decap's own preview shows most values unlabelled),
  // then the text.
  // A field's value in words: a select's label ("Band 5"), a list of words
  // joined; dates and groups as their widgets show them.
  function shown(field, value, props) {
    var widget = field.get('widget');
    if (value === true) return 'Yes';
    if (typeof value === 'string' || typeof value === 'number') {
      if (widget === 'careers-date') return props.widgetFor(field.get('name'));
      var option = widget === 'select' && field.get('options').find(function (o) {
        return o.get && String(o.get('value')) === String(value);
      });
      return option ? option.get('label') : String(value);
    }
    var plain = value && value.toJS && value.toJS();
    if (Array.isArray(plain) && plain.every(function (x) { return typeof x !== 'object'; })) {
      return plain.join(', ');
    }
    return props.widgetFor(field.get('name'));
  }

  var FilePreview = createClass({
    render: function () {
      var props = this.props, data = props.entry.get('data');
      var rows = [];
      props.fields.forEach(function (field) {
        var name = field.get('name'), value = data.get(name);
        if (name === 'title' || name === 'body' || field.get('meta')) return;
        if (value == null || value === '' || value === false || value.size === 0) return;
        rows.push(h('dt', { key: name + '-label' }, field.get('label')));
        rows.push(h('dd', { key: name }, shown(field, value, props)));
      });
      return h('article', null,
        h('h1', null, data.get('title') || ''),
        h('dl', null, rows),
        props.widgetFor('body'));
    },
  });
  CMS.registerPreviewTemplate('jobs', FilePreview);
  CMS.registerPreviewTemplate('pages', FilePreview);
  CMS.registerPreviewStyle(
    'body { font-family: Arial, sans-serif; line-height: 1.5; color: #212b32; margin: 1rem 1.5rem; }' +
    ' dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }' +
    ' dt { font-weight: bold; } dd { margin: 0; } dd p { margin: 0; }',
    { raw: true });
})();
