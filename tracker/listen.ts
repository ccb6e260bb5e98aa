/** addEventListener on window whose handler can never throw into the host page. */
export const on = <E extends Event>(type: string, handler: (event: E) => void, capture?: boolean) =>
  addEventListener(
    type,
    (event) => {
      try {
        handler(event as E);
      } catch {}
    },
    capture,
  );
