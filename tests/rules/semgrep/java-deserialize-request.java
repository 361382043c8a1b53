// Fixture for java-deserialize-request.
// RULEID: ObjectInputStream over the request body; XMLDecoder of a parameter.
// OK: ObjectInputStream over a local file; Jackson readValue of the body.
import java.beans.XMLDecoder;
import java.io.*;
import javax.servlet.http.HttpServletRequest;

class Import {
    Object restore(HttpServletRequest request) throws Exception {
        // ruleid: java-deserialize-request
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        String xml = request.getParameter("x");
        // ruleid: java-deserialize-request
        XMLDecoder d = new XMLDecoder(new ByteArrayInputStream(xml.getBytes()));
        // ok: java-deserialize-request
        ObjectInputStream cache = new ObjectInputStream(new FileInputStream("/var/cache/app.bin"));
        return in.readObject();
    }
}
