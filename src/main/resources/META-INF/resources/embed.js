/*
  * Comment widget (API.md §7). An article page adds
  *   <div data-comments-article="a-1"></div>
  *   <script src="https://comments.example.com/embed.js" async></script>
  * and gets the published comments and the "Leave a Reply" form in that element's shadow root.
  * Only the origin this script came from is contacted, without cookies; styles come from
  * embed.css on that origin as a constructed stylesheet, which a strict CSP does not block; no
  * eval, no inline script or style. Readers' text only ever goes through textContent.
  * Texts: window.CommentsTexts and the element's data-comments-texts (JSON) replace the English ones.
  */
(function () {
    'use strict';
    var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
    var SERVICE = new URL(script.src, location.href).origin;
    var API = SERVICE + '/api/v1';
    var STORE = 'comments.author';
    var TEXTS = {
        lang: 'en',
        comments: 'Comments',
        title: 'Leave a Reply',
        titleReply: 'Leave a Reply to {name}',
        cancelReply: 'Cancel reply',
        emailNote: 'Your email address will not be published.',
        requiredNote: 'Required fields are marked *',
        comment: 'Comment',
        name: 'Name',
        email: 'Email',
        website: 'Website',
        question: 'Security question:',
        honeypot: 'Leave this field empty',
        save: 'Save my name, email, and website in this browser for the next time I comment.',
        submit: 'Post Comment',
        posting: 'Posting…',
        count: { one: '{n} comment', other: '{n} comments' },
        none: 'No comments yet',
        loading: 'Loading comments…',
        loadMore: 'Load more comments',
        reply: 'Reply',
        replyTo: 'Reply to {name}',
        report: 'Report',
        reportTo: 'Report the comment of {name}',
        featured: 'Editors’ pick',
        edited: '(edited)',
        reportTitle: 'Report this comment',
        reasons: { offensive: 'Offensive', spam: 'Spam', 'off-topic': 'Off-topic', misinformation: 'Misinformation', other: 'Other' },
        reportNote: 'Note (optional)',
        sendReport: 'Send report',
        cancel: 'Cancel',
        reported: 'Thank you. A moderator will look at it.',
        chooseReason: 'Please choose a reason.',
        held: 'Thank you! Your comment is awaiting moderation.',
        awaiting: 'Your comment is awaiting moderation.',
        published: 'Thank you! Your comment is published.',
        invalid: 'Your comment was not posted. Please correct the fields marked below.',
        fieldError: '{field} {message}.',
        fieldRequired: '{field} is required.',
        answerRequired: 'Please answer the question.',
        answerWrong: 'That answer is not right. Please answer the new question.',
        answerExpired: 'The question expired. Please answer the new one.',
        tooMany: 'You are posting too quickly. Please wait {seconds} seconds and try again.',
        unavailable: 'Comments are unavailable for a moment. Please try again shortly.',
        closed: 'Comments are closed for this article.',
        duplicate: 'Duplicate comment detected; it looks as though you’ve already said that!',
        network: 'The comment service could not be reached. Please check your connection and try again.',
        failed: 'Something went wrong. Please try again.',
        loadFailed: 'Comments could not be loaded. Please try again later.'
    };
    var FIELDS = { body: 'comment', name: 'name', email: 'email', website: 'website', captchaAnswer: 'answer', captchaToken: 'answer' };
    var sheet = fetch(SERVICE + '/embed.css', { credentials: 'omit' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (css) { var s = new CSSStyleSheet(); s.replaceSync(css); return s; })
        .catch(function () { return null; });

    function format(text, values) {
        return String(text).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
    }

    /** An element with attributes and children; strings become text nodes, never HTML. */
    function h(tag, attrs, children) {
        var el = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) {
            var value = attrs[key];
            if (value === false || value == null) return;
            if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
            else if (key === 'text') el.textContent = value;
            else el.setAttribute(key, value === true ? '' : value);
        });
        (children || []).forEach(function (child) {
            if (child != null) el.append(child);
        });
        return el;
    }

    function json(response) {
        return response.json().catch(function () { return {}; });
    }

    /** The comment's text as paragraphs, line breaks and bare http(s) links, built with text nodes only. */
    function renderBody(body) {
        var box = h('div', { class: 'body' });
        body.trim().split(/\n[ \t]*\n\s*/).forEach(function (paragraph) {
            var p = h('p');
            paragraph.split('\n').forEach(function (line, i) {
                if (i) p.append(h('br'));
                var rest = line, match;
                while ((match = /https?:\/\/[^\s<>"']+/i.exec(rest))) {
                    var url = match[0].replace(/[.,;:!?*]+$/, '');
                    p.append(rest.slice(0, match.index), h('a', { href: url, rel: 'nofollow ugc noopener', text: url }));
                    rest = rest.slice(match.index + url.length);
                }
                p.append(rest);
            });
            box.append(p);
        });
        return box;
    }

    function Widget(host) {
        this.host = host;
        this.article = host.getAttribute('data-comments-article');
        var own = {};
        try { own = JSON.parse(host.getAttribute('data-comments-texts') || '{}'); } catch (e) { own = {}; }
        this.t = Object.assign({}, TEXTS, window.CommentsTexts || {}, own);
        try { this.lang = Intl.getCanonicalLocales(this.t.lang)[0] || 'en'; } catch (e) { this.lang = 'en'; }
        this.plural = new Intl.PluralRules(this.lang);
        this.pageSize = Math.min(200, Math.max(1, parseInt(host.getAttribute('data-comments-page-size'), 10) || 50));
        this.items = {};
        this.total = 0;
        this.busy = false;
        this.root = host.attachShadow({ mode: 'open' });
    }

    Widget.prototype.start = function () {
        var self = this, t = this.t;
        this.count = h('h2', { class: 'count', text: t.loading });
        this.status = h('p', { class: 'notice', role: 'status' });
        this.list = h('ol', { class: 'list' });
        this.more = h('p', { class: 'more', hidden: true }, [h('button', { type: 'button', class: 'more-button', text: t.loadMore, onclick: function () { self.load(); } })]);
        this.form = this.buildForm();
        var section = h('section', { class: 'comments', 'aria-label': t.comments, lang: this.lang }, [this.count, this.status, this.list, this.more, this.respond]);
        return Promise.all([sheet, this.load(), this.newCaptcha()]).then(function (results) {
            if (results[0]) self.root.adoptedStyleSheets = [results[0]];
            self.root.append(section);
            self.host.dispatchEvent(new CustomEvent('comments:rendered', { bubbles: true }));
        });
    };

    Widget.prototype.load = function () {
        var self = this, t = this.t;
        var url = API + '/articles/' + encodeURIComponent(this.article) + '/comments?limit=' + this.pageSize
            + (this.cursor ? '&cursor=' + encodeURIComponent(this.cursor) : '');
        this.more.querySelector('button').disabled = true;
        // no-cache: revalidated with the ETag (a 304 answered from the service's memory), so a reader
        // who reloads sees a comment approved a moment ago rather than the browser's copy of max-age.
        return fetch(url, { credentials: 'omit', cache: 'no-cache' }).then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
        }).then(function (page) {
            page.comments.forEach(function (c) { self.add(c, false); });
            self.total = page.total;
            self.cursor = page.nextCursor;
            self.showCount();
            self.more.hidden = !page.nextCursor;
            self.more.querySelector('button').disabled = false;
        }).catch(function () {
            self.count.textContent = t.loadFailed;
            self.more.querySelector('button').disabled = false;
        });
    };

    Widget.prototype.showCount = function () {
        var forms = this.t.count;
        this.count.textContent = this.total ? format(forms[this.plural.select(this.total)] || forms.other, { n: this.total }) : this.t.none;
    };

    /** Adds a comment under its parent when that is shown, else at the end of the list. */
    Widget.prototype.add = function (c, pending) {
        var self = this, t = this.t;
        if (this.items[c.id]) return this.items[c.id];
        var author = /^https?:\/\//i.test(c.website || '')
            ? h('a', { class: 'author', href: c.website, rel: 'nofollow ugc noopener', text: c.name })
            : h('span', { class: 'author', text: c.name });
        var when = new Date(c.createdAt);
        var meta = h('header', { class: 'meta' }, [author,
            c.featured ? h('span', { class: 'badge', text: t.featured }) : null,
            h('time', { datetime: c.createdAt, text: when.toLocaleString(this.lang, { dateStyle: 'long', timeStyle: 'short' }) }),
            c.editedAt ? h('span', { class: 'edited', text: t.edited }) : null]);
        var item = h('article', { class: 'item' }, [meta,
            pending ? h('p', { class: 'awaiting', text: t.awaiting }) : null,
            renderBody(c.body)]);
        var li = h('li', { class: 'comment' + (c.featured ? ' featured' : '') + (pending ? ' pending' : ''), id: 'comment-' + c.id }, [item]);
        if (!pending) {
            item.append(h('p', { class: 'actions' }, [
                h('button', { type: 'button', class: 'link', 'aria-label': format(t.replyTo, { name: c.name }), text: t.reply,
                    onclick: function () { self.replyTo(c, li); } }),
                h('button', { type: 'button', class: 'link', 'aria-label': format(t.reportTo, { name: c.name }), text: t.report,
                    'aria-expanded': 'false', onclick: function (e) { self.toggleReport(c, item, e.currentTarget); } })]));
        }
        var parent = c.parentId && this.items[c.parentId];
        if (parent) {
            var children = parent.querySelector(':scope > .children');
            if (!children) parent.append(children = h('ol', { class: 'children' }));
            children.append(li);
        } else {
            this.list.append(li);
        }
        this.items[c.id] = li;
        return li;
    };

    Widget.prototype.field = function (name, label, input, required, notes) {
        var error = h('span', { class: 'error', id: name + '-error', hidden: true });
        input.setAttribute('id', name);
        input.setAttribute('aria-describedby', (notes ? notes + ' ' : '') + name + '-error');
        if (required) { input.setAttribute('required', ''); input.setAttribute('aria-required', 'true'); }
        this.inputs[name] = input;
        this.errors[name] = error;
        return h('p', { class: 'field' }, [h('label', { for: name }, [label, required ? ' ' : null, required ? h('span', { class: 'required', 'aria-hidden': 'true', text: '*' }) : null]), input, error]);
    };

    Widget.prototype.buildForm = function () {
        var self = this, t = this.t;
        this.inputs = {};
        this.errors = {};
        var saved = null;
        try { saved = JSON.parse(localStorage.getItem(STORE)); } catch (e) { saved = null; }
        saved = saved || {};
        this.title = h('h2', { class: 'reply-title', id: 'reply-title', text: t.title });
        this.cancel = h('small', { hidden: true }, [h('button', { type: 'button', class: 'link', text: t.cancelReply, onclick: function () { self.replyTo(null); } })]);
        this.formError = h('div', { class: 'form-error', role: 'alert' });
        this.question = h('span', { class: 'question' });
        this.consent = h('input', { type: 'checkbox', id: 'save', checked: !!saved.name });
        var answerLabel = h('label', { for: 'answer' }, [h('span', { class: 'sr-only', text: t.question + ' ' }), this.question]);
        var captcha = this.field('answer', '', h('input', { type: 'text', name: 'captchaAnswer', size: 6, maxlength: 20, autocomplete: 'off' }), true);
        captcha.classList.add('captcha');
        captcha.replaceChild(answerLabel, captcha.firstChild);
        answerLabel.append(' ', h('span', { class: 'required', 'aria-hidden': 'true', text: '*' }));
        var form = h('form', { class: 'comment-form', novalidate: true, 'aria-labelledby': 'reply-title', onsubmit: function (e) { e.preventDefault(); self.submit(); } }, [
            h('p', { class: 'notes' }, [h('span', { id: 'email-notes', text: t.emailNote }), ' ',
                h('span', { class: 'required-field-message' }, t.requiredNote.split('*').flatMap(function (part, i) {
                    return i ? [h('span', { class: 'required', text: '*' }), part] : [part];
                }))]),
            this.formError,
            this.field('comment', t.comment, h('textarea', { name: 'body', rows: 8, maxlength: 5000 }), true),
            this.field('name', t.name, h('input', { type: 'text', name: 'name', maxlength: 100, autocomplete: 'name', value: saved.name }), true),
            this.field('email', t.email, h('input', { type: 'email', name: 'email', maxlength: 254, autocomplete: 'email', value: saved.email }), true, 'email-notes'),
            this.field('website', t.website, h('input', { type: 'url', name: 'website', maxlength: 200, autocomplete: 'url', value: saved.website }), false),
            h('p', { class: 'hp' }, [h('label', { for: 'homepage', text: t.honeypot }), this.honeypot = h('input', { type: 'text', id: 'homepage', name: 'homepage', tabindex: '-1', autocomplete: 'off' })]),
            captcha,
            h('p', { class: 'consent' }, [this.consent, h('label', { for: 'save', text: t.save })]),
            h('p', { class: 'submit' }, [this.button = h('button', { type: 'submit', text: t.submit })])]);
        this.title.append(' ', this.cancel);
        this.respond = h('div', { class: 'respond', id: 'respond' }, [this.title, form]);
        return form;
    };

    Widget.prototype.newCaptcha = function () {
        var self = this;
        this.inputs.answer.value = '';
        return fetch(API + '/captcha', { credentials: 'omit', cache: 'no-store' }).then(function (response) {
            if (!response.ok) throw response;
            return response.json();
        }).then(function (challenge) {
            self.token = challenge.token;
            self.question.textContent = challenge.question;
        }).catch(function (response) {
            self.token = null;
            self.question.textContent = '?';
            self.showProblem(response && response.status, response && response.headers);
        });
    };

    Widget.prototype.replyTo = function (comment, li) {
        this.parentId = comment ? comment.id : null;
        this.title.firstChild.textContent = comment ? format(this.t.titleReply, { name: comment.name }) : this.t.title;
        this.cancel.hidden = !comment;
        (comment ? li : this.root.querySelector('.comments')).append(this.respond);
        if (comment) this.inputs.comment.focus();
    };

    Widget.prototype.clearErrors = function () {
        var self = this;
        this.formError.textContent = '';
        Object.keys(this.errors).forEach(function (name) {
            self.errors[name].hidden = true;
            self.errors[name].textContent = '';
            self.inputs[name].removeAttribute('aria-invalid');
        });
    };

    Widget.prototype.showProblem = function (status, headers, violations) {
        var t = this.t;
        var seconds = headers && parseInt(headers.get('Retry-After'), 10);
        var text = status === 429 ? format(t.tooMany, { seconds: seconds > 0 ? seconds : 60 })
            : status === 503 ? t.unavailable : status === 403 ? t.closed : status === 409 ? t.duplicate
                : violations ? t.invalid : status ? t.failed : t.network;
        this.formError.append(h('p', { text: text }));
    };

    Widget.prototype.wording = function (field, message, sent) {
        var t = this.t;
        if (/^(body|name|email)$/.test(field) && !String(sent || '').trim()) return format(t.fieldRequired, { field: t[FIELDS[field]] });
        if (field === 'captchaAnswer' || field === 'captchaToken') {
            return /^is required/.test(message) ? t.answerRequired : /right answer/.test(message) ? t.answerWrong : t.answerExpired;
        }
        return format(t.fieldError, { field: t[FIELDS[field]] || field, message: message });
    };

    Widget.prototype.showViolations = function (violations, data) {
        var self = this, first = null, list = h('ul');
        violations.forEach(function (v) {
            var name = FIELDS[v.field] || 'comment';
            var text = self.wording(v.field, v.message, data[v.field]);
            if (!self.errors[name].hidden) return;
            self.errors[name].textContent = text;
            self.errors[name].hidden = false;
            self.inputs[name].setAttribute('aria-invalid', 'true');
            list.append(h('li', { text: text }));
            first = first || self.inputs[name];
        });
        this.formError.append(list);
        if (first) first.focus();
    };

    Widget.prototype.remember = function (data) {
        try {
            if (this.consent.checked) localStorage.setItem(STORE, JSON.stringify({ name: data.name, email: data.email, website: data.website }));
            else localStorage.removeItem(STORE);
        } catch (e) { /* storage may be disabled; saving is a convenience */ }
    };

    Widget.prototype.submit = function () {
        var self = this, t = this.t, v = function (name) { return self.inputs[name].value; };
        if (this.busy) return;
        this.busy = true;
        this.button.disabled = true;
        this.button.textContent = t.posting;
        this.status.textContent = '';
        this.clearErrors();
        var data = { body: v('comment'), name: v('name'), email: v('email'), website: v('website').trim() || null,
            captchaToken: this.token || '', captchaAnswer: v('answer'), parentId: this.parentId || null, homepage: this.honeypot.value };
        fetch(API + '/articles/' + encodeURIComponent(this.article) + '/comments', {
            method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(data)
        }).then(function (response) {
            return json(response).then(function (body) {
                if (response.status === 201 || response.status === 202) return self.accepted(body, data);
                self.showProblem(response.status, response.headers, body.violations);
                if (body.violations) self.showViolations(body.violations, data);
            });
        }, function () {
            self.showProblem(0);
        }).then(function () {
            self.busy = false;
            self.button.disabled = false;
            self.button.textContent = t.submit;
            return self.newCaptcha();
        });
    };

    Widget.prototype.accepted = function (comment, data) {
        var published = comment.status === 'approved';
        this.remember(data);
        this.inputs.comment.value = '';
        this.replyTo(null);
        var li = this.add(comment, !published);
        if (published) { this.total += 1; this.showCount(); }
        this.status.textContent = published ? this.t.published : this.t.held;
        li.scrollIntoView({ block: 'nearest' });
    };

    Widget.prototype.toggleReport = function (comment, item, button) {
        var self = this, t = this.t, open = item.querySelector('.report');
        if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); return; }
        var note = h('textarea', { id: 'report-note-' + comment.id, rows: 2, maxlength: 500 });
        var message = h('p', { class: 'error', role: 'alert' });
        var reasons = Object.keys(t.reasons).map(function (reason) {
            return h('label', {}, [h('input', { type: 'radio', name: 'reason', value: reason }), ' ' + t.reasons[reason]]);
        });
        var form = h('form', { class: 'report', novalidate: true, onsubmit: function (e) {
            e.preventDefault();
            var chosen = form.querySelector('input[name=reason]:checked');
            message.textContent = '';
            if (!chosen) { message.textContent = t.chooseReason; return; }
            fetch(API + '/comments/' + encodeURIComponent(comment.id) + '/reports', {
                method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ reason: chosen.value, note: note.value.trim() || null })
            }).then(function (response) {
                if (response.status === 202) {
                    var done = h('p', { class: 'notice', role: 'status', tabindex: '-1', text: t.reported });
                    form.replaceWith(done);
                    button.setAttribute('aria-expanded', 'false');
                    done.focus();
                } else {
                    message.textContent = response.status === 429 ? format(t.tooMany, { seconds: parseInt(response.headers.get('Retry-After'), 10) || 60 })
                        : response.status === 503 ? t.unavailable : t.failed;
                }
            }, function () { message.textContent = t.network; });
        } }, [h('fieldset', {}, [h('legend', { text: t.reportTitle }), h('p', { class: 'reasons' }, reasons),
            h('p', { class: 'field' }, [h('label', { for: note.id, text: t.reportNote }), note]), message,
            h('p', { class: 'submit' }, [h('button', { type: 'submit', text: t.sendReport }), ' ',
                h('button', { type: 'button', class: 'link', text: t.cancel, onclick: function () { self.toggleReport(comment, item, button); } })])])]);
        item.append(form);
        button.setAttribute('aria-expanded', 'true');
        form.querySelector('input').focus();
    };

    var started = new WeakSet();
    function startAll() {
        document.querySelectorAll('[data-comments-article]').forEach(function (host) {
            if (started.has(host) || host.shadowRoot) return;
            started.add(host);
            new Widget(host).start();
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll);
    else startAll();
}());
