#!/usr/bin/python3
"""What LibreOffice Writer sees in .docx files, for test/docx/libreoffice-count.test.ts.

Usage: /usr/bin/python3 libreoffice-stats.py FILE... > out.json

Starts a private headless soffice (own profile directory, own pipe), opens each file hidden and read-only, and
prints per file: the document's WordCount (the number Tools > Word Count shows), the body text in reading order
(each paragraph with its list label, table cells cell by cell), the text of every shape's text box (shapes in
headers and footers included) and the text of the headers and footers of every page style in use.
Needs the Debian packages libreoffice-writer and python3-uno (libreoffice-writer-nogui crashes under UNO).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def walk_text(text, out):
    en = text.createEnumeration()
    while en.hasMoreElements():
        el = en.nextElement()
        if el.supportsService('com.sun.star.text.Paragraph'):
            label = ''
            try:
                label = el.getPropertyValue('ListLabelString') or ''
            except Exception:
                pass
            out.append(label + el.getString())
        elif el.supportsService('com.sun.star.text.TextTable'):
            for name in el.getCellNames():
                walk_text(el.getCellByName(name).getText(), out)


def main(files):
    profile = tempfile.mkdtemp(prefix='gwlint-lo-')
    pipe = 'gwlint_lo_%d' % os.getpid()
    proc = subprocess.Popen(
        ['/usr/bin/soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault', '--nolockcheck',
         '-env:UserInstallation=file://' + profile, '--accept=pipe,name=%s;urp;' % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                if proc.poll() is not None:
                    raise SystemExit('soffice exited with %s before accepting connections' % proc.returncode)
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit('soffice did not accept connections within 60 s')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        result = []
        for f in files:
            url = uno.systemPathToFileUrl(os.path.abspath(f))
            doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True), prop('ReadOnly', True)))
            body = []
            walk_text(doc.getText(), body)
            shapes = []
            page = doc.getDrawPage()
            for i in range(page.getCount()):
                shape = page.getByIndex(i)
                try:
                    box = shape.getPropertyValue('TextBoxContent')
                except Exception:
                    box = None
                if box is not None:
                    shapes.append(box.getString())
            # Paragraphs with w:framePr become text frames, in the body or in a header or footer.
            frames = doc.getTextFrames()
            for i in range(frames.getCount()):
                shapes.append(frames.getByIndex(i).getString())
            furniture = []
            styles = doc.getStyleFamilies().getByName('PageStyles')
            # Page styles in use, and the styles they hand over to (a title page is 'First Page' → 'Standard').
            used = [n for n in styles.getElementNames() if styles.getByName(n).isInUse()]
            for n in used:
                follow = styles.getByName(n).getPropertyValue('FollowStyle')
                if follow and follow not in used and styles.hasByName(follow):
                    used.append(follow)
            for name in used:
                st = styles.getByName(name)
                for kind in ('Header', 'Footer'):
                    if not st.getPropertyValue(kind + 'IsOn'):
                        continue
                    texts = [kind + 'Text']
                    if not st.getPropertyValue(kind + 'IsShared'):
                        texts.append(kind + 'TextLeft')
                    try:
                        if not st.getPropertyValue('FirstIsShared'):
                            texts.append(kind + 'TextFirst')
                    except Exception:
                        pass
                    for t in texts:
                        try:
                            furniture.append(st.getPropertyValue(t).getString())
                        except Exception:
                            pass
            result.append({
                'file': f,
                'wordCount': doc.getPropertyValue('WordCount'),
                'body': body,
                'shapes': shapes,
                'furniture': furniture,
            })
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        print(json.dumps(result, ensure_ascii=False))
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    main(sys.argv[1:])
