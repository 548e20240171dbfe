/** A text[] from one JSON-array parameter: the driver would spread a JS array into several parameters. */
export const TEXT_ARRAY_FROM_JSON = "(select coalesce(array_agg(d), '{}') from jsonb_array_elements_text(?::jsonb) as d)";
