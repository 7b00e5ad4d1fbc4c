package dev.ferry.provider.plivo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Plivo's main REST API as sections 2 to 6 of the Plivo API reference write it, every path with its trailing slash.
 * Bodies go out as JSON text and answers come back raw, so that {@link PlivoErrorTranslator} alone decides what a
 * status and body mean. Built per base URL by {@link PlivoClient}; the Authorization header is passed per call.
 */
@Path("/v1/Account/{authId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PlivoApi {

    String AUTH = "Authorization";

    @POST
    @Path("/Message/")
    Response sendMessage(@HeaderParam(AUTH) String auth, @PathParam("authId") String authId, String body);

    @GET
    @Path("/Message/{uuid}/")
    Response getMessage(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("uuid") String uuid);

    @GET
    @Path("/Message/")
    Response listMessages(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @GET
    @Path("/PhoneNumber/")
    Response searchNumbers(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @POST
    @Path("/PhoneNumber/{number}/")
    Response buyNumber(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number,
            String body);

    @GET
    @Path("/Number/")
    Response listNumbers(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @GET
    @Path("/Number/{number}/")
    Response getNumber(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("number") String number);

    @POST
    @Path("/Number/{number}/")
    Response updateNumber(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number,
            String body);

    @DELETE
    @Path("/Number/{number}/")
    Response unrentNumber(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("number") String number);

    @POST
    @Path("/Subaccount/")
    Response createSubaccount(@HeaderParam(AUTH) String auth, @PathParam("authId") String authId, String body);

    @GET
    @Path("/Subaccount/")
    Response listSubaccounts(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @GET
    @Path("/Subaccount/{id}/")
    Response getSubaccount(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("id") String id);

    @POST
    @Path("/Subaccount/{id}/")
    Response updateSubaccount(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body);

    @DELETE
    @Path("/Subaccount/{id}/")
    Response deleteSubaccount(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body);

    @POST
    @Path("/Application/")
    Response createApplication(@HeaderParam(AUTH) String auth, @PathParam("authId") String authId, String body);

    @GET
    @Path("/Application/")
    Response listApplications(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @GET
    @Path("/Application/{id}/")
    Response getApplication(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("id") String id);

    @POST
    @Path("/Application/{id}/")
    Response updateApplication(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body);

    @DELETE
    @Path("/Application/{id}/")
    Response deleteApplication(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body);

    @POST
    @Path("/Powerpack/")
    Response createPowerpack(@HeaderParam(AUTH) String auth, @PathParam("authId") String authId, String body);

    @GET
    @Path("/Powerpack/")
    Response listPowerpacks(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @RestQuery Map<String, String> query);

    @GET
    @Path("/Powerpack/{uuid}/")
    Response getPowerpack(
            @HeaderParam(AUTH) String auth, @PathParam("authId") String authId, @PathParam("uuid") String uuid);

    @POST
    @Path("/Powerpack/{uuid}/")
    Response updatePowerpack(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid,
            String body);

    @DELETE
    @Path("/Powerpack/{uuid}/")
    Response deletePowerpack(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid,
            String body);

    @GET
    @Path("/NumberPool/{pool}/Number/")
    Response listPoolNumbers(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @RestQuery Map<String, String> query);

    @POST
    @Path("/NumberPool/{pool}/Number/{number}/")
    Response addPoolNumber(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @PathParam("number") String number,
            String body);

    @DELETE
    @Path("/NumberPool/{pool}/Number/{number}/")
    Response removePoolNumber(
            @HeaderParam(AUTH) String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @PathParam("number") String number,
            String body);
}
