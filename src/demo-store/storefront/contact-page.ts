import type { DemoStoreSettings } from '../model';
import { htmlEscape } from '../php';
import { breadcrumb, link } from './layout';

/** nl2br of a store setting, as OpenCart prints config_address and config_open: each line break becomes `<br />`. */
function lines(text: string): string {
  return htmlEscape(text).replace(/\r?\n/g, '<br />\n');
}

/**
 * information/contact as the 3.0.5.1 default theme renders it (corpus storefront/contact.html): the location panel
 * (store name and address, telephone and fax, opening times and comment; the optional parts only when set) and the
 * enquiry form. Like OpenCart, the store e-mail is not shown: the form writes to it.
 */
export function contactBody(baseUrl: string, settings: DemoStoreSettings): string {
  const action = link(baseUrl, 'information/contact');
  const fax = settings.fax ? `<strong>Fax</strong><br>\n              ${htmlEscape(settings.fax)}\n              ` : '';
  const open = settings.open ? `<strong>Opening Times</strong><br />\n              ${lines(settings.open)}<br />\n              <br />\n              ` : '';
  const comment = settings.comment ? `<strong>Comments</strong><br />\n              ${lines(settings.comment)}\n              ` : '';
  return `<div id="information-contact" class="container">
  ${breadcrumb(baseUrl, [{ href: action, text: 'Contact Us' }])}
  <div class="row">
                <div id="content" class="col-sm-12">
      <h1>Contact Us</h1>
      <h3>Our Location</h3>
      <div class="panel panel-default">
        <div class="panel-body">
          <div class="row">
                        <div class="col-sm-3"><strong>${htmlEscape(settings.name)}</strong><br />
              <address>
              ${lines(settings.address)}
              </address>
                          </div>
            <div class="col-sm-3"><strong>Telephone</strong><br>
              ${htmlEscape(settings.telephone)}<br />
              <br />
              ${fax}</div>
            <div class="col-sm-3">
              ${open}${comment}</div>
          </div>
        </div>
      </div>
            <form action="${action}" method="post" enctype="multipart/form-data" class="form-horizontal">
        <fieldset>
          <legend>Contact Form</legend>
          <div class="form-group required">
            <label class="col-sm-2 control-label" for="input-name">Your Name</label>
            <div class="col-sm-10">
              <input type="text" name="name" value="" id="input-name" class="form-control" />
            </div>
          </div>
          <div class="form-group required">
            <label class="col-sm-2 control-label" for="input-email">E-Mail Address</label>
            <div class="col-sm-10">
              <input type="text" name="email" value="" id="input-email" class="form-control" />
            </div>
          </div>
          <div class="form-group required">
            <label class="col-sm-2 control-label" for="input-enquiry">Enquiry</label>
            <div class="col-sm-10">
              <textarea name="enquiry" rows="10" id="input-enquiry" class="form-control"></textarea>
            </div>
          </div>
        </fieldset>
        <div class="buttons">
          <div class="pull-right">
            <input class="btn btn-primary" type="submit" value="Submit" />
          </div>
        </div>
      </form>
      </div>
    </div>
</div>`;
}
