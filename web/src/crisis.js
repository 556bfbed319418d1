// Which bot messages are crisis replies.
//
// The assistant's crisis reply (utter_crisis in domain.yml) is the only
// response that offers "tel:911" / "tel:988" buttons; its text always names
// 988 and 911. Text alone is not enough: the opening disclaimer and several
// goodbyes also mention 988 and 911 and must not raise the banner.
// A machine-readable marker is honoured too, if the domain ever sends one as a
// custom payload: {"iop": {"crisis": true}} or {"crisis": true}.

const EMERGENCY_PAYLOAD = /^tel:\+?(911|988)$/;

export function isCrisisMessage(message) {
  if (!message || typeof message !== "object") return false;
  const custom = message.custom || message;
  if (custom && (custom.crisis === true || (custom.iop && custom.iop.crisis === true))) return true;
  const buttons = message.quick_replies || message.buttons || [];
  return Array.isArray(buttons) && buttons.some((b) => b && EMERGENCY_PAYLOAD.test(String(b.payload || "").trim()));
}
