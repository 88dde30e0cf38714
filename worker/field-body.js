// The body of POST /locations/{locationId}/customFields for one of the
// bot's fields ({ key, dataType } from the core's description). The name is
// the key itself: GHL derives the field key from the name (lower case,
// spaces and symbols to "_"), so the field key is exactly contact.<key>.
export const createFieldBody = (field) => ({ name: field.key, dataType: field.dataType, model: 'contact' });
