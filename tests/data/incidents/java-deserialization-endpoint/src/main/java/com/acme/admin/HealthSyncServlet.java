/*
 * Incident pattern: Java deserialisation of request bodies, the door behind the 2015
 * Commons Collections gadget chains (FoxGlove Security, November 2015) and later
 * compromises (e.g. Equifax-era Struts, WebLogic CVE-2019-2725). An insider who wants a
 * deniable backdoor only has to add an innocuous-looking servlet that reads a Java object
 * from the request. Reference: https://foxglovesecurity.com/2015/11/06/what-do-weblogic-websphere-jboss-jenkins-opennms-and-your-application-have-in-common-this-vulnerability/
 * Reproduction (own code).
 */
package com.acme.admin;

import java.io.IOException;
import java.io.ObjectInputStream;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet("/internal/health-sync")
public class HealthSyncServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            Object state = in.readObject();
            response.getWriter().println("synced " + state.getClass().getSimpleName());
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
    }
}
