package portalsim

import "github.com/medfordwater/lobbykiosk/client"

// termsText holds the Terms and Conditions of online billing, by language.
// Both languages say the same thing and share TermsVersion.
var termsText = map[string]client.Terms{
	"en": {
		Version: TermsVersion,
		Lang:    "en",
		Title:   "Medford Water Online Billing: Terms and Conditions",
		Text: `These terms apply when you use Medford Water's online billing portal, on your own device or on the computer in our lobby. By creating a login or making a payment, you agree to them.

Your login is yours. Register your account yourself and keep your password private. Medford Water staff may show you how the portal works, but they will never ask for your password, and nobody can register or enroll you by phone.

Payments. When you pay by card or bank account, you allow Medford Water to charge that amount. A payment made after the due date may be late. If your bank returns a payment, a returned payment fee may be added to your account.

AutoPay. If you turn on AutoPay, the amount due on each bill is taken on its due date from the payment method you chose, until you turn AutoPay off. Changes made less than 24 hours before a due date may apply only to the next bill.

Paperless billing. If you choose email delivery, we send your bill to the email address on your login once you confirm it. Keep that address up to date. You can switch back to paper bills at any time.

Your information. We use your information only to run your water account and this portal, and we do not sell it. Questions? Call Customer Service at 541-774-2430 or email customerservice@medfordwater.org.`,
	},
	"es": {
		Version: TermsVersion,
		Lang:    "es",
		Title:   "Facturación en línea de Medford Water: Términos y condiciones",
		Text: `Estos términos se aplican cuando usa el portal de facturación en línea de Medford Water, ya sea en su propio dispositivo o en la computadora de nuestro vestíbulo. Al crear un inicio de sesión o hacer un pago, usted los acepta.

Su inicio de sesión es suyo. Registre su cuenta usted mismo y mantenga su contraseña en privado. El personal de Medford Water puede mostrarle cómo funciona el portal, pero nunca le pedirá su contraseña, y nadie puede registrarlo ni inscribirlo por teléfono.

Pagos. Cuando paga con tarjeta o cuenta bancaria, autoriza a Medford Water a cobrar esa cantidad. Un pago hecho después de la fecha de vencimiento puede considerarse atrasado. Si su banco devuelve un pago, se puede agregar un cargo por pago devuelto a su cuenta.

Pago automático. Si activa el pago automático, el monto de cada factura se cobra en su fecha de vencimiento con el método de pago que eligió, hasta que lo desactive. Los cambios hechos menos de 24 horas antes de una fecha de vencimiento pueden aplicarse solo a la siguiente factura.

Facturación electrónica. Si elige recibir su factura por correo electrónico, se la enviaremos a la dirección de su inicio de sesión una vez que la confirme. Mantenga esa dirección al día. Puede volver a la factura impresa en cualquier momento.

Su información. Usamos su información solo para administrar su cuenta de agua y este portal, y no la vendemos. ¿Preguntas? Llame a Servicio al Cliente al 541-774-2430 o escriba a customerservice@medfordwater.org.`,
	},
}
