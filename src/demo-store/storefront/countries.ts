import type { DemoCatalogData } from '../model';
import { htmlEscape, phpJsonEncode } from '../php';

/** checkout/guest: the guest form fragment; only its `select[name=country_id]` matters to clients. */
export function guestCheckoutFragment(data: DemoCatalogData): string {
  const countries = [...data.countries].sort((a, b) => a.name.localeCompare(b.name));
  const options = countries.map((c) => {
    const selected = c.countryId === data.settings.countryId ? ' selected="selected"' : '';
    return `          <option value="${c.countryId}"${selected}>${htmlEscape(c.name)}</option>`;
  });
  return `<div class="row">
  <div class="col-sm-6">
    <fieldset id="address">
      <legend>Your Address</legend>
      <div class="form-group required">
        <label class="control-label" for="input-payment-country">Country</label>
        <select name="country_id" id="input-payment-country" class="form-control">
          <option value=""> --- Please Select --- </option>
${options.join('\n')}
        </select>
      </div>
      <div class="form-group required">
        <label class="control-label" for="input-payment-zone">Region / State</label>
        <select name="zone_id" id="input-payment-zone" class="form-control">
        </select>
      </div>
    </fieldset>
  </div>
</div>
`;
}

/** account/account/country&country_id=N: the country with its zones as strings, `[]` for an unknown id. */
export function zoneJson(data: DemoCatalogData, countryId: string | null): string {
  const country = data.countries.find((c) => String(c.countryId) === countryId);
  if (!country) return '[]';
  return phpJsonEncode({
    country_id: String(country.countryId),
    name: country.name,
    iso_code_2: country.isoCode2,
    iso_code_3: country.isoCode3,
    address_format: country.addressFormat,
    postcode_required: country.postcodeRequired ? '1' : '0',
    zone: country.zones.map((z) => ({ zone_id: String(z.zoneId), country_id: String(country.countryId), name: z.name, code: z.code, status: '1' })),
    status: '1',
  });
}
